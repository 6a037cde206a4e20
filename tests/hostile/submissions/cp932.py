# 二倍にする関数（Shift_JIS で保存されたファイル）
def double(x):
    return 2 * x  # 正解
