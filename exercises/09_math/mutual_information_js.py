"""相互情報量と JS ダイバージェンス（自然対数）/ Mutual information and the JS divergence (natural log).

mutual_information(pxy): pxy は (I, J) の同時分布 p(x, y)（行が X の値、列が Y の値、和は 1、0 を含むことがある）。
I(X; Y) = Σ p(x, y) log(p(x, y) / (p(x) p(y))) を float で返します。
js_divergence(p, q): p, q は (N, K) で各行が確率分布（0 を含むことがある）。各行の
JS(p‖q) = KL(p‖m)/2 + KL(q‖m)/2（m = (p + q)/2）を (N,) の配列で返します。どちらも np.log（nat）を使い、
0 · log 0 の項は 0 とします。

mutual_information(pxy): pxy is the (I, J) joint distribution p(x, y) (rows are the values of X, columns
those of Y; it sums to 1 and may contain zeros). Return I(X; Y) = Σ p(x, y) log(p(x, y) / (p(x) p(y))) as a
float. js_divergence(p, q): p and q are (N, K), each row a distribution (zeros allowed). Return
JS(p‖q) = KL(p‖m)/2 + KL(q‖m)/2 with m = (p + q)/2 for each row, as an (N,) array. Both use np.log (nats),
and terms 0 · log 0 count as 0.
"""
import numpy as np


def mutual_information(pxy):
    # TODO: 周辺分布 p(x)（行の和）と p(y)（列の和）から Σ p(x, y) log(p(x, y) / (p(x) p(y)))（p(x, y) = 0 の項は 0）
    #       / the marginals p(x) (row sums) and p(y) (column sums), then Σ p(x, y) log(p(x, y) / (p(x) p(y)))
    #       (terms with p(x, y) = 0 are 0)
    raise NotImplementedError("mutual_information: TODO を埋めてください / fill in the TODO")


def js_divergence(p, q):
    # TODO: m = (p + q) / 2、行ごとに KL(p‖m)/2 + KL(q‖m)/2（0 の項は 0）
    #       / m = (p + q) / 2, then KL(p‖m)/2 + KL(q‖m)/2 per row (zero terms are 0)
    raise NotImplementedError("js_divergence: TODO を埋めてください / fill in the TODO")
