/* Add documents: upload files or paste text; the server analyses them into the
 * same store and the pages show them once the job is done. */
"use strict";

R.upload = function (data, token, onProgress) {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", new URL("api/documents", document.baseURI));
    request.setRequestHeader("X-Rashomon-Token", token);
    request.upload.onprogress = (event) => event.lengthComputable && onProgress(event.loaded / event.total);
    request.onload = () => {
      let body = {};
      try {
        body = JSON.parse(request.responseText);
      } catch (error) {
        /* not JSON */
      }
      if (request.status === 202) resolve(body);
      else reject(new Error(typeof body.detail === "string" ? body.detail : `refused (${request.status})`));
    };
    request.onerror = () => reject(new Error("the server could not be reached"));
    request.send(data);
  });
};

R.pages.add = async function (main) {
  if (R.isStatic) {
    main.append(R.section("Add documents", R.empty("This is a static report. To add documents, run `rashomon serve DIR --allow-writes`.")));
    return;
  }
  const info = await R.api("/info");
  if (!info.writes) {
    main.append(R.section("Add documents", R.empty("This server is read-only. Start it with `rashomon serve DIR --allow-writes` to add documents.")));
    return;
  }
  const bar = R.h("progress", { max: 1, value: 0, class: "progress" });
  const status = R.h("p", { class: "status", role: "status" });
  const result = R.h("div", { class: "result" });
  const tokenField = R.h("input", { name: "token", type: "password", value: R.token || "", autocomplete: "off", required: true, "aria-label": "token" });
  const form = R.h(
    "form",
    {
      class: "add-form",
      onsubmit: async (event) => {
        event.preventDefault();
        R.token = tokenField.value.trim();
        sessionStorage.setItem("rashomon-token", R.token);
        const data = new FormData(form);
        data.delete("token");
        if (!form.querySelector("input[type=file]").files.length) data.delete("files");
        button.disabled = true;
        status.textContent = "uploading…";
        result.replaceChildren();
        try {
          const job = await R.upload(data, R.token, (share) => (bar.value = share * 0.2));
          await R.follow(job, bar, status, result);
        } catch (error) {
          status.textContent = "Error: " + error.message;
          status.classList.add("error");
        } finally {
          button.disabled = false;
        }
      },
    },
    R.h("label", {}, "Files (.txt, .md, .html, .jsonl) ", R.h("input", { type: "file", name: "files", multiple: true, accept: ".txt,.text,.md,.markdown,.html,.htm,.xhtml,.jsonl,.ndjson" })),
    R.h("p", { class: "muted small" }, "or paste an article:"),
    R.h(
      "div",
      { class: "paste-meta" },
      R.h("input", { name: "title", placeholder: "title", "aria-label": "title" }),
      R.h("input", { name: "outlet", placeholder: "outlet", "aria-label": "outlet" }),
      R.h("input", { name: "published", type: "date", "aria-label": "published" }),
      R.h("input", { name: "author", placeholder: "author", "aria-label": "author" }),
    ),
    R.h("textarea", { name: "text", rows: 10, placeholder: "the article's text", "aria-label": "text" }),
    R.h("label", {}, "Token (printed when the server started) ", tokenField),
  );
  const button = R.h("button", { type: "submit" }, "Add and analyse");
  form.append(R.h("p", {}, button), bar, status, result);
  main.append(R.section("Add documents", form));

};

/* Poll a job until it is done; progress 20% upload, 80% analysis. */
R.follow = async function (job, bar, status, result) {
  for (;;) {
    status.textContent = job.message + (job.total ? ` (${job.done}/${job.total})` : "");
    const share = job.state === "done" ? 1 : job.state === "linking" ? 0.9 : job.total ? 0.2 + (0.6 * job.done) / job.total : 0.2;
    bar.value = share;
    if (job.state === "done" || job.state === "failed") break;
    await new Promise((resolve) => setTimeout(resolve, 600));
    job = await R.api("/jobs/" + job.id);
  }
  status.classList.toggle("error", job.state === "failed");
  result.replaceChildren();
  R.append(result, [
    job.added.length ? R.h("ul", { class: "added" }, job.added.map((id) => R.h("li", {}, R.link("document " + id, "doc", id)))) : null,
    job.errors.length ? R.h("ul", { class: "errors" }, job.errors.map((e) => R.h("li", {}, e))) : null,
    job.state === "done" ? R.h("p", {}, R.link("Back to the overview", "")) : null,
  ]);
};
