from rashomon.cli import app

app()
