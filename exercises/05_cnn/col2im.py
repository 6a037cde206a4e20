"""col2im（ゼロから作るDeep Learning 1, 7 章）/ col2im (book 1, chapter 7).

col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0) を実装してください。im2col の逆向きの操作です。
  col: (N*out_h*out_w, C*filter_h*filter_w)。行は (n, 出力の y, 出力の x)、列は (c, フィルタ内の y, フィルタ内の x) の順
  （im2col と同じ並び）。input_shape = (N, C, H, W)。
  out_h = (H + 2*pad - filter_h) // stride + 1、out_w = (W + 2*pad - filter_w) // stride + 1。
  各行を (C, filter_h, filter_w) の窓に戻し、パディング込みの画像 (N, C, H+2*pad, W+2*pad) の
  (y*stride, x*stride) の位置に「足し込み」ます（窓が重なる画素では値が足し合わされます）。
  最後にパディングを切り落とし、(N, C, H, W) を返します。

Implement col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0), the reverse of im2col.
  col: (N*out_h*out_w, C*filter_h*filter_w), rows (n, output y, output x), columns (c, filter y, filter x),
  as im2col makes them. input_shape = (N, C, H, W).
  out_h = (H + 2*pad - filter_h) // stride + 1, out_w = (W + 2*pad - filter_w) // stride + 1.
  Turn each row back into a (C, filter_h, filter_w) window and ADD it into the padded image
  (N, C, H+2*pad, W+2*pad) at (y*stride, x*stride) (pixels covered by several windows get the sum).
  Finally cut off the padding and return (N, C, H, W).
"""
import numpy as np


def col2im(col, input_shape, filter_h, filter_w, stride=1, pad=0):
    # TODO: 各行を窓に戻してパディング込みの画像に足し込み、パディングを切り落として (N, C, H, W) を返す
    #       add each row back as a window into the padded image, cut off the padding, return (N, C, H, W)
    raise NotImplementedError("col2im: TODO を埋めてください / fill in the TODO")
