"""The E資格 syllabus (シラバス2024, with シラバス2026's key words): every 小項目 with its ID, its
names in ja and en, whether the exam asks it, and the score report's four categories.

A problem names the items it drills in its `syllabus:` field (IDs such as "4-2-2"); the catalog
refuses an ID that is not here, and a problem's `area` is its first item's 大項目. Rebuilt from
public transcriptions of JDLA's PDF (see ../shared/SYLLABUS.md in the project's notes for the
sources and the key words); a new edition means editing ITEMS, nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from grader.texts import Text

SCOPES = ("in", "mixed", "unsure", "out")
SCOPE_NAMES = {
    "in": Text("出題範囲", "in scope"),
    "mixed": Text("一部が出題範囲", "partly in scope"),
    "unsure": Text("出題範囲（資料により異なる）", "in scope (sources differ)"),
    "out": Text("出題範囲外・認定講座で学ぶ", "out of the exam's scope; the courses teach it"),
}


@dataclass(frozen=True)
class Item:
    """One 小項目: its ID ("3-5-2"), 中項目 and 小項目 names, and its scope (one of SCOPES)."""

    id: str
    middle: Text
    name: Text
    scope: str

    @property
    def area(self) -> int:
        """The 大項目 (1–5) the ID starts with."""
        return int(self.id.split("-")[0])

    @property
    def asked(self) -> bool:
        """Whether the exam asks it (everything but scope 'out'; 'unsure' is treated as asked)."""
        return self.scope != "out"


@dataclass(frozen=True)
class Category:
    """One of the four categories of the exam's score report, and the 大項目 it sums."""

    name: Text
    areas: tuple[int, ...]


# The score report's four categories: 応用数学 (area 1), 機械学習 (2), 深層学習 (3 and 4), 開発環境 (5).
CATEGORIES = (
    Category(Text("応用数学", "Applied mathematics"), (1,)),
    Category(Text("機械学習", "Machine learning"), (2,)),
    Category(Text("深層学習", "Deep learning"), (3, 4)),
    Category(Text("開発環境", "Development environment"), (5,)),
)

_M = {  # 中項目
    "1-1": ("線形代数", "Linear algebra"),
    "1-2": ("確率・統計", "Probability and statistics"),
    "1-3": ("情報理論", "Information theory"),
    "2-1": ("機械学習の基礎", "Machine learning basics"),
    "3-1": ("順伝播型ネットワーク", "Feedforward networks"),
    "3-2": ("深層モデルのための最適化", "Optimization for deep models"),
    "3-3": ("深層モデルのための正則化", "Regularization for deep models"),
    "3-4": ("畳み込みニューラルネットワーク", "Convolutional neural networks"),
    "3-5": ("リカレントニューラルネットワーク", "Recurrent neural networks"),
    "3-6": ("Transformer", "Transformer"),
    "3-7": ("汎化性能向上のためのテクニック", "Techniques for generalization"),
    "4-1": ("画像認識", "Image recognition"),
    "4-2": ("物体検出", "Object detection"),
    "4-3": ("セマンティックセグメンテーション", "Semantic segmentation"),
    "4-4": ("自然言語処理", "Natural language processing"),
    "4-5": ("音声処理", "Speech processing"),
    "4-6": ("生成モデル", "Generative models"),
    "4-7": ("深層強化学習", "Deep reinforcement learning"),
    "4-8": ("様々な学習方法", "Learning methods"),
    "4-9": ("深層学習の説明性", "Explainability"),
    "5-1": ("エッジコンピューティング", "Edge computing"),
    "5-2": ("分散処理", "Distributed processing"),
    "5-3": ("アクセラレータ", "Accelerators"),
    "5-4": ("環境構築", "Environment setup"),
}

_ITEMS = (  # ID, scope, 小項目 (ja), 小項目 (en)
    ("1-1-1", "out", "行列演習（行列・テンソルの積と勾配）", "Matrix exercises (products, gradients)"),
    ("1-1-2", "unsure", "固有値分解・特異値分解", "Eigendecomposition and singular value decomposition"),
    ("1-2-1", "out", "確率の基礎", "Probability basics"),
    ("1-2-2", "in", "ベルヌーイ分布・多項分布", "Bernoulli and multinomial distributions"),
    ("1-2-3", "in", "ガウス分布・t分布", "Gaussian and t distributions"),
    ("1-2-4", "in", "確率モデルにおけるパラメータ推定", "Parameter estimation in probabilistic models"),
    ("1-3-1", "in", "情報理論", "Information theory"),
    ("2-1-1", "unsure", "パターン認識: k近傍法・近傍法", "Pattern recognition: k-nearest neighbours"),
    ("2-1-2", "unsure", "パターン認識: 距離計算", "Pattern recognition: distances"),
    ("2-1-3", "unsure", "機械学習の分類", "Kinds of machine learning"),
    ("2-1-4", "out", "教師あり学習①: 線形回帰・Lasso・Ridge", "Supervised learning 1: linear regression, Lasso, Ridge"),
    ("2-1-5", "out", "教師あり学習②: ロジスティック回帰", "Supervised learning 2: logistic regression"),
    ("2-1-6", "out", "教師あり学習③: サポートベクターマシン", "Supervised learning 3: support vector machines"),
    (
        "2-1-7",
        "out",
        "教師あり学習④: 決定木・ランダムフォレスト・勾配ブースティング",
        "Supervised learning 4: decision trees, random forests, boosting",
    ),
    ("2-1-8", "out", "教師なし学習①: 次元圧縮", "Unsupervised learning 1: dimensionality reduction"),
    ("2-1-9", "out", "教師なし学習②: クラスタリング", "Unsupervised learning 2: clustering"),
    ("2-1-10", "unsure", "機械学習の課題", "Challenges of machine learning"),
    ("2-1-11", "in", "検証集合", "Validation sets"),
    ("2-1-12", "in", "性能指標", "Performance metrics"),
    ("3-1-1", "in", "多層パーセプトロン", "Multilayer perceptron"),
    ("3-1-2", "mixed", "出力層と損失関数（回帰）", "Output layers and losses (regression)"),
    ("3-1-3", "mixed", "出力層と損失関数（分類）", "Output layers and losses (classification)"),
    ("3-1-4", "mixed", "活性化関数", "Activation functions"),
    ("3-2-1", "unsure", "基本的なアルゴリズム（SGD・モメンタム）", "Basic algorithms (SGD, momentum)"),
    ("3-2-2", "in", "誤差逆伝播法", "Backpropagation"),
    ("3-2-3", "unsure", "適応的な学習率を持つアルゴリズム", "Algorithms with adaptive learning rates"),
    ("3-2-4", "unsure", "パラメータの初期化", "Parameter initialization"),
    ("3-3-1", "unsure", "パラメータノルムペナルティー", "Parameter norm penalties"),
    ("3-3-2", "unsure", "確率的削除", "Stochastic dropping (dropout)"),
    ("3-3-3", "unsure", "陰的正則化", "Implicit regularization"),
    ("3-4-1", "mixed", "基本的な畳み込み演算", "Basic convolution"),
    ("3-4-2", "in", "特別な畳み込み", "Special convolutions"),
    ("3-4-3", "in", "プーリング", "Pooling"),
    ("3-5-1", "in", "リカレントニューラルネットワーク", "Recurrent neural networks"),
    ("3-5-2", "in", "ゲート機構", "Gated units"),
    ("3-5-3", "in", "系列変換", "Sequence-to-sequence"),
    ("3-6-1", "in", "Transformer", "Transformer"),
    ("3-7-1", "mixed", "データ集合の拡張（画像）", "Data augmentation (images)"),
    ("3-7-2", "in", "データ集合の拡張（自然言語・音声）", "Data augmentation (text and speech)"),
    ("3-7-3", "mixed", "正規化", "Normalization"),
    ("3-7-4", "unsure", "アンサンブル手法", "Ensembles"),
    ("3-7-5", "unsure", "ハイパーパラメータの調整", "Hyperparameter tuning"),
    ("4-1-1", "in", "ResNet・WideResNet", "ResNet and WideResNet"),
    ("4-1-2", "unsure", "Vision Transformer", "Vision Transformer"),
    ("4-2-1", "in", "Faster R-CNN・Mask R-CNN", "Faster R-CNN and Mask R-CNN"),
    ("4-2-2", "in", "YOLO・SSD", "YOLO and SSD"),
    ("4-2-3", "unsure", "FCOS", "FCOS"),
    ("4-3-1", "in", "FCN・U-Net", "FCN and U-Net"),
    ("4-4-1", "in", "Word Embedding", "Word embeddings"),
    ("4-4-2", "mixed", "BERT", "BERT"),
    ("4-4-3", "in", "GPT-n・RAG", "GPT-n and RAG"),
    ("4-5-1", "out", "サンプリング・短時間フーリエ変換・メル尺度", "Sampling, STFT, the mel scale"),
    ("4-5-2", "out", "WaveNet", "WaveNet"),
    ("4-5-3", "out", "CTC", "CTC"),
    ("4-6-1", "mixed", "識別モデルと生成モデル", "Discriminative and generative models"),
    ("4-6-2", "mixed", "オートエンコーダ", "Autoencoders"),
    ("4-6-3", "mixed", "VAE", "VAE"),
    ("4-6-4", "in", "GAN", "GAN"),
    ("4-6-5", "in", "条件付き GAN", "Conditional GAN"),
    ("4-7-1", "mixed", "DQN", "DQN"),
    ("4-7-2", "in", "A3C", "A3C"),
    ("4-8-1", "in", "転移学習", "Transfer learning"),
    ("4-8-2", "unsure", "半教師あり学習・自己教師あり学習", "Semi-supervised and self-supervised learning"),
    ("4-8-3", "out", "能動学習", "Active learning"),
    ("4-8-4", "mixed", "距離学習", "Metric learning"),
    ("4-8-5", "out", "メタ学習", "Meta-learning"),
    ("4-9-1", "in", "判断根拠の可視化", "Visualizing what a decision rests on"),
    ("4-9-2", "unsure", "モデルの近似", "Approximating a model"),
    ("5-1-1", "unsure", "モデルの軽量化", "Model compression"),
    ("5-2-1", "in", "並列分散処理", "Parallel and distributed processing"),
    ("5-2-2", "out", "連合学習", "Federated learning"),
    ("5-3-1", "in", "デバイスによる高速化", "Hardware acceleration"),
    ("5-4-1", "in", "コンテナ型仮想化", "Container virtualization"),
)

ITEMS: dict[str, Item] = {
    item_id: Item(item_id, Text(*_M[item_id.rsplit("-", 1)[0]]), Text(ja, en), scope)
    for item_id, scope, ja, en in _ITEMS
}


def item(item_id: str) -> Item | None:
    """The 小項目 with this ID, None when the syllabus has none."""
    return ITEMS.get(item_id)


def category_of(area: int) -> Category:
    """The score-report category an area counts towards."""
    return next(category for category in CATEGORIES if area in category.areas)


def within(item_id: str, prefix: str) -> bool:
    """Whether `item_id` is `prefix` or lies under it: "4-2-1" is within "4-2-1", "4-2" and "4"."""
    return item_id == prefix or item_id.startswith(prefix + "-")


def middle_id(item_id: str) -> str:
    """The 中項目 part of an ID: "3-5-2" -> "3-5"."""
    return item_id.rsplit("-", 1)[0]
