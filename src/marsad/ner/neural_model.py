"""The neural tagger's torch module and CRF loss (training only; neural.py runs it in numpy)."""
from __future__ import annotations

import torch
from torch import nn
from torch.nn.utils.rnn import pack_padded_sequence, pad_packed_sequence

BLOCKED = -1e4  # transition score of a label pair the BIO scheme forbids


class BiLstmCrf(nn.Module):
    def __init__(self, vectors: torch.Tensor, n_chars: int, n_attrs: int, labels: list[str], hp: dict):
        super().__init__()
        self.vectors = nn.Embedding.from_pretrained(vectors, freeze=True, padding_idx=0)
        self.char_emb = nn.Embedding(n_chars, hp["char_dim"], padding_idx=0)
        self.conv = nn.Conv1d(hp["char_dim"], hp["filters"], 3, padding=1)
        self.attr_emb = nn.Embedding(n_attrs, hp["attr_dim"], padding_idx=0)
        size = vectors.shape[1] + 1 + hp["filters"] + hp["attr_dim"]
        self.lstm = nn.LSTM(size, hp["hidden"], batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * hp["hidden"], len(labels))
        self.drop = nn.Dropout(hp["dropout"])
        k = len(labels)
        self.trans = nn.Parameter(torch.zeros(k, k))
        self.start = nn.Parameter(torch.zeros(k))
        self.end = nn.Parameter(torch.zeros(k))
        types = [lab[2:] for lab in labels]
        inside = torch.tensor([lab.startswith("I-") for lab in labels])
        same = torch.tensor([[a == b for b in types] for a in types])
        self.register_buffer("trans_mask", torch.where(inside[None, :] & ~same, BLOCKED, 0.0))
        self.register_buffer("start_mask", torch.where(inside, BLOCKED, 0.0))

    def type_inputs(self, rows, chars, attrs) -> torch.Tensor:
        """[types, inputs]: vector, has-vector flag, character CNN, summed attribute embeddings."""
        conv = self.conv(self.char_emb(chars).transpose(1, 2))  # [n, filters, chars]
        conv = conv.masked_fill((chars == 0)[:, None, :], float("-inf"))
        cnn = torch.tanh(conv.max(dim=2).values)
        has = (rows > 0).float()[:, None]
        return torch.cat([self.vectors(rows), has, cnn, self.attr_emb(attrs).sum(dim=1)], dim=1)

    def emissions(self, type_arrays, tokens, lengths) -> torch.Tensor:
        """Emission scores [batch, time, labels] of padded type indices ``tokens``."""
        unique, inverse = torch.unique(tokens, return_inverse=True)
        x = self.drop(self.type_inputs(*(a[unique] for a in type_arrays))[inverse])
        packed = pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        h, _ = pad_packed_sequence(self.lstm(packed)[0], batch_first=True, total_length=tokens.shape[1])
        return self.out(self.drop(h))

    def nll(self, em, tags, mask, lengths) -> torch.Tensor:
        """Mean negative log-likelihood of the gold label paths under the linear-chain CRF."""
        trans, start, end = self.trans + self.trans_mask, self.start + self.start_mask, self.end
        rows = torch.arange(len(tags))
        gold = (em.gather(2, tags[:, :, None]).squeeze(2) * mask).sum(1) + start[tags[:, 0]]
        gold = gold + (trans[tags[:, :-1], tags[:, 1:]] * mask[:, 1:]).sum(1)
        gold = gold + end[tags[rows, lengths - 1]]
        alpha = start + em[:, 0]
        for t in range(1, em.shape[1]):
            step = torch.logsumexp(alpha[:, :, None] + trans + em[:, t, None, :], dim=1)
            alpha = torch.where(mask[:, t, None] > 0, step, alpha)
        return (torch.logsumexp(alpha + end, dim=1) - gold).mean()
