"""Numpy forward passes of the neural tagger's layers (weights laid out as torch's)."""
from __future__ import annotations

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def char_cnn(chars: np.ndarray, emb: np.ndarray, conv_w: np.ndarray, conv_b: np.ndarray) -> np.ndarray:
    """tanh of the max over character positions of a width-3 convolution (same padding):
    chars [n, m] ids (0 = padding) → [n, filters]."""
    n, m = chars.shape
    x = np.pad(emb[chars], ((0, 0), (1, 1), (0, 0)))  # [n, m + 2, d]
    width = conv_w.shape[2]
    out = conv_b + sum(x[:, k:k + m] @ conv_w[:, :, k].T for k in range(width))
    out = np.where((chars > 0)[:, :, None], out, -np.inf)
    return np.tanh(out.max(axis=1))


def lstm(gates_in: np.ndarray, w_hh: np.ndarray) -> np.ndarray:
    """One LSTM direction over [batch, time, 4H] input gates (input projection and biases
    already added; torch gate order i, f, g, o) → hidden states [batch, time, H]."""
    b, t, four_h = gates_in.shape
    h_size = four_h // 4
    h = np.zeros((b, h_size), dtype=np.float32)
    c = np.zeros_like(h)
    out = np.empty((b, t, h_size), dtype=np.float32)
    w_t = np.ascontiguousarray(w_hh.T)
    for k in range(t):
        g = gates_in[:, k] + h @ w_t
        i, f, o = sigmoid(g[:, :h_size]), sigmoid(g[:, h_size:2 * h_size]), sigmoid(g[:, 3 * h_size:])
        c = f * c + i * np.tanh(g[:, 2 * h_size:3 * h_size])
        h = o * np.tanh(c)
        out[:, k] = h
    return out


def reverse_within(lengths: np.ndarray, width: int) -> np.ndarray:
    """Per row, the time index that reverses the first ``length`` steps (padding stays)."""
    t = np.arange(width)[None, :]
    return np.where(t < lengths[:, None], lengths[:, None] - 1 - t, t)


def viterbi(scores: np.ndarray, lengths: np.ndarray, trans: np.ndarray, start: np.ndarray,
            end: np.ndarray) -> np.ndarray:
    """Best label paths [batch, time] of padded emission scores [batch, time, labels]."""
    b, width, n = scores.shape
    delta = scores[:, 0] + start
    back = np.zeros((b, width, n), dtype=np.intp)
    for k in range(1, width):
        step = delta[:, :, None] + trans
        back[:, k] = step.argmax(axis=1)
        delta = np.where((lengths > k)[:, None], step.max(axis=1) + scores[:, k], delta)
    y = (delta + end).argmax(axis=1)
    path = np.zeros((b, width), dtype=np.intp)
    rows = np.arange(b)
    for k in range(width - 1, -1, -1):
        inside = lengths > k
        path[inside, k] = y[inside]
        if k:
            y = np.where(inside, back[rows, k, y], y)
    return path
