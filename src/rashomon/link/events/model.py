"""The pair model: a logistic regression over :data:`features.FEATURES`.

Its weights are data (``pair_model.json`` beside this module), written by
``benchmarks/ecbplus.py --train``, which fits them on the ECB+ validation
topics only (gold event mentions; the test topics are never seen). The file
holds the feature names, their means and scales, the coefficients, the
intercept and the merge threshold chosen on the same topics, so a model
with other features cannot be loaded by mistake.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

from .features import FEATURES


@dataclass(frozen=True)
class PairModel:
    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float
    threshold: float
    trained_on: str = ""

    def probability(self, features: np.ndarray) -> np.ndarray:
        """P(coreferent) for each row of features."""
        z = ((features - self.mean) / self.scale) @ self.coef + self.intercept
        return 1.0 / (1.0 + np.exp(-z))

    def to_json(self) -> str:
        return json.dumps(
            {
                "features": list(self.names),
                "mean": [round(float(x), 6) for x in self.mean],
                "scale": [round(float(x), 6) for x in self.scale],
                "coef": [round(float(x), 6) for x in self.coef],
                "intercept": round(self.intercept, 6),
                "threshold": self.threshold,
                "trained_on": self.trained_on,
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> PairModel:
        data = json.loads(text)
        if tuple(data["features"]) != FEATURES:
            raise ValueError("pair model features do not match features.FEATURES; retrain it")
        return cls(
            tuple(data["features"]),
            np.array(data["mean"]),
            np.array(data["scale"]),
            np.array(data["coef"]),
            float(data["intercept"]),
            float(data["threshold"]),
            data.get("trained_on", ""),
        )


@lru_cache(maxsize=1)
def default_model() -> PairModel:
    text = resources.files("rashomon.link.events").joinpath("pair_model.json").read_text("utf-8")
    return PairModel.from_json(text)


def fit(features: np.ndarray, labels: np.ndarray, l2: float = 1.0) -> tuple[np.ndarray, ...]:
    """Standardise, then L2-regularised logistic regression by L-BFGS (scipy)."""
    from scipy.optimize import minimize

    mean = features.mean(axis=0)
    scale = features.std(axis=0)
    scale[scale == 0] = 1.0
    x = np.hstack([(features - mean) / scale, np.ones((len(features), 1))])

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w
        p = 1.0 / (1.0 + np.exp(-z))
        eps = 1e-12
        value = -np.sum(labels * np.log(p + eps) + (1 - labels) * np.log(1 - p + eps))
        value += l2 * np.sum(w[:-1] ** 2)
        grad = x.T @ (p - labels) + 2 * l2 * np.r_[w[:-1], 0.0]
        return value, grad

    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    return mean, scale, w[:-1], float(w[-1])
