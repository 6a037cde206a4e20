"""The CLI's own words in Japanese: each command's help and its options', and Click's messages
(usage errors, `Usage:`, `Aborted!`), so that `--lang ja` leaves no English but code and names.

The English help is what cli.py declares (docstrings, `help=`); the Japanese is here, by command
path and option name. Click words its messages through `gettext` (`_()` and `ngettext()` in each of
its modules), looked up when shown: `use(lang)` points those at our table for the language chosen.
"""

from __future__ import annotations

import click

from grader.texts import Text

# (command path, None) -> the command's help; (command path, option name) -> the option's help
HELP_JA: dict[tuple[tuple[str, ...], str | None], str] = {
    ((), None): "E資格ドリル: 問題を解いて、その場で採点します。\n\n例: drill next",
    ((), "lang"): "文章とメッセージの言語（既定: DRILL_LANG、なければ LC_ALL・LANG、Windows では表示言語から）。",
    (
        (),
        "workspace_opt",
    ): "使う作業フォルダ（既定: DRILL_WORKSPACE、なければ problems.yaml のある最も近い親フォルダ）。",
    ((), "version"): "バージョンを表示して終了します。",
    (
        ("init",),
        None,
    ): "インストールされた教材から、DIRECTORY に新しい作業フォルダを作ります。\n\n例: drill init ~/e-shikaku",
    (("init",), "notebooks"): "問題ごとの Jupyter ノートブックも notebooks/ に書きます。",
    (("notebook",), None): "問題ごとに Jupyter ノートブックを書きます: 問題文、埋めるセル（%%drill で採点）。\n\n"
    "例: drill notebook affine_backward softmax_with_loss",
    (("notebook",), "out"): "書き出す場所（既定: notebooks/）。",
    (("list",), None): "問題の一覧を状態とともに表示します。\n\n例: drill list --syllabus 3-5",
    (("list",), "topic"): "このトピックの問題だけ（例: 02_backprop）。",
    (("list",), "syllabus_id"): "シラバスのこの小項目・中項目・大項目の問題だけ（4-2-1、4-2、4）。",
    (("show",), None): "問題文、編集するファイル、採点の仕方を表示します。\n\n例: drill show affine_backward",
    (("next",), None): "次にやることを表示します: 復習の期限が来たもの（間隔反復）が先、次に新しい問題を順に。\n\n"
    "例: drill next --explain",
    (("next",), "explain"): "なぜこの問題が次なのかを説明します。",
    (("next",), "today"): "この日付（YYYY-MM-DD）の時点で予定を組みます（既定: 今、または DRILL_TODAY）。",
    (("grade",), None): "問題を採点します: チェックを実行してスコアカードを表示します。\n\n"
    "すべてのチェックに合格すれば終了コード 0、そうでなければ 1。\n\n"
    "例: drill grade chain_rule_dzdx --answer 'dzdx=2(x+y)'",
    (("grade",), "all_"): "すべての問題を採点し、トピック別の表にします。",
    (("grade",), "answers"): "数式・選択・数値の問題への解答（小問が複数あれば繰り返し指定）。",
    (
        ("hint",),
        None,
    ): "問題のヒントを次の段階まで表示します（呼ぶたびに一段進みます）。\n\n例: drill hint affine_backward",
    (("explain",), None): "問題の解説を表示します: なぜその答えになるか、間違えやすい点、参考文献。\n\n"
    "合格前に読むと助けを借りたことになり、次の合格の評価は「難しい」になります。\n\n例: drill explain affine_backward",
    (("solution",), None): "解答例を表示します: 合格後はそのまま、合格前は --yes（または確認）のうえで。\n\n"
    "例: drill solution affine_backward --yes",
    (("reset",), None): "問題のひな形を元に戻します。あなたのファイルは先に .drill/backup/ にコピーされます。\n\n"
    "例: drill reset affine_backward --yes",
    (("reset",), "all_"): "すべてのひな形を元に戻します。",
    (("grade-batch",), None): "提出のフォルダ（1 人 1 フォルダ）をまとめて採点し、1 人 1 つの結果ファイルにします。\n\n"
    "結果ファイルのある提出は、もう一度実行しても省略します。すべてのファイルを書けば終了コード 0。\n\n"
    "例: drill grade-batch submissions/ --out results/ --jobs 2 --shard auto/4",
    (("grade-batch",), "out"): "結果ファイルを置くフォルダ。",
    (("grade-batch",), "problem_ids"): "採点する問題（この順。繰り返すかカンマで区切る。既定: ファイルのある問題）。",
    (("grade-batch",), "fmt"): "結果ファイルの形式。",
    (("grade-batch",), "jobs"): "同時に採点する提出の数。",
    (("grade-batch",), "shard"): "N 分割のうち I 番目の分担だけ（0 ≤ I < N）。I を auto にすると配列ジョブの番号"
    "（JOB_COMPLETION_INDEX、AWS_BATCH_JOB_ARRAY_INDEX、SLURM_ARRAY_TASK_ID、DRILL_SHARD_INDEX）を使います。",
    (("collect",), None): "drill の結果ファイルのフォルダを 1 つの成績表（受講者 × 問題）にまとめます。\n\n"
    "例: drill collect results/ --csv -o gradebook.csv",
    (("collect",), "as_csv"): "CSV: 受講者ごとに 1 行、問題ごとに 1 列（既定）。",
    (("collect",), "out"): "標準出力ではなくこのファイルに書きます。",
    (("autograde",), "user"): "受講者のコードをこのユーザーで動かします（既定: nobody。drill は root で動かします）。",
    (("autograde",), "allow_same_user"): "root でないとき: 受講者のコードを drill と同じユーザーで動かします"
    "（drill が読めるものを読めます）。",
    (
        ("grade-batch",),
        "user",
    ): "受講者のコードをこのユーザーで動かします（既定: nobody。drill は root で動かします）。",
    (("grade-batch",), "allow_same_user"): "root でないとき: 受講者のコードを drill と同じユーザーで動かします"
    "（drill が読めるものを読めます）。",
    (("autograde",), "config"): "コースの設定（YAML: problems、files: ID → 提出の中のパス、after_due）。",
    (("grade-batch",), "config"): "コースの設定（YAML: problems、files: ID → 提出の中のパス、after_due）。",
    (("export",), None): "コースの採点エンジンで drill autograde を動かすためのファイルを書きます。\n\n"
    "例: drill export gradescope -o autograder.zip --problems relu_layer,affine_layer",
    (
        ("export", "gradescope"),
        None,
    ): "Gradescope の自動採点用 zip を書きます: setup.sh、run_autograder、教材入りの drill。\n\n"
    "例: drill export gradescope -o autograder.zip --problems relu_layer",
    (("export", "gradescope"), "out"): "書き出す zip。",
    (("export", "gradescope"), "problem_ids"): "採点する問題（繰り返すかカンマで区切る。既定: すべて）。",
    (("export", "classroom"), None): "GitHub Classroom 用に、ワークフロー .github/workflows/classroom.yml と "
    ".github/classroom/autograding.json を書きます。\n\n"
    "例: drill export classroom -o . --install git+https://github.com/ORG/drill",
    (("export", "classroom"), "out"): "リポジトリの一番上のフォルダ。",
    (("export", "classroom"), "problem_ids"): "採点する問題（繰り返すかカンマで区切る。既定: すべて）。",
    (
        ("export", "classroom"),
        "install",
    ): "ワークフローで pip が drill を入れる元（例: git+https://github.com/ORG/drill@v0.1.0）。",
    (("autograde",), None): "コースの自動採点のために、受講者 1 人の提出を採点して結果ファイルを書きます。\n\n"
    "履歴は書きません。結果ファイルを書けば、成績にかかわらず終了コード 0"
    "（drill 自身が採点できなかったときも、その理由を結果ファイルに書きます）、書けなければ 2。\n\n"
    "例: drill autograde /autograder/submission --format gradescope --out /autograder/results/results.json",
    (("autograde",), "fmt"): "結果ファイルの形式。",
    (("autograde",), "out"): "結果ファイル。",
    (("autograde",), "problem_ids"): "採点する問題（この順。繰り返すかカンマで区切る。既定: ファイルのある問題）。",
    (
        ("autograde",),
        "submission_id",
    ): "パラメータ付き問題の数値の種（既定: DRILL_SUBMISSION_ID、なければフォルダ名）。",
    (("autograde",), "after_due"): "Gradescope: これらのチェックは締め切り後にだけ受講者に見せます（繰り返し指定）。",
    (
        ("stats",),
        None,
    ): "シラバスの分野別・トピック別の進み具合、使ったヒント、期限の来た復習、連続日数を表示します。\n\n"
    "例: drill stats",
    (("stats",), "today"): "この日付（YYYY-MM-DD）の時点で（既定: 今）。",
    (("exam",), None): "選択・数値・数式の問題による時間制限つきの模擬試験。シラバスの分野別と"
    "スコアレポートの分野別に採点し、合格ライン未満なら終了コード 1。Ctrl-C で中断すると --resume で続けられます。\n\n"
    "例: drill exam --full",
    (("exam",), "minutes"): "制限時間（分、既定: 30）。",
    (("exam",), "count"): "問題数（既定: 20）。",
    (("exam",), "full"): "本番と同じ大きさの試験: 100 問、120 分。",
    (("exam",), "resume"): "Ctrl-C で中断した試験を、残り時間のまま続けます。",
    (("exam",), "area"): "このシラバス分野（1〜5）だけ。",
    (("exam",), "seed"): "同じ試験をもう一度出します（既定: 新しい試験）。",
    (("exam",), "answers_file"): "質問する代わりに FILE から解答を読みます（'problem_id.part = answer' の行。"
    "選択肢の記号は drill show の表示と同じカタログの順）。",
    (("exam",), "review"): "前回の模擬試験の間違いを順に見直します。",
    (("watch",), None): "ファイルを保存するたびに問題を採点し直します。合格したら n と Enter で次の問題へ進みます。\n\n"
    "止めるには q と Enter（または Ctrl-C）。\n\n例: drill watch affine_backward",
    (
        ("watch",),
        "poll",
    ): "変更をイベントではなく定期的な確認で見つけます（WSL のマウントやネットワークドライブ向け）。",
    (("dev",), None): "メンテナー向けのコマンド。\n\n例: drill dev check",
    (("dev", "check"), None): "カタログを検査します: スキーマ、ファイル、ヒント、すべてのひな形が不合格で"
    "すべての解答例が合格すること。\n\n--coverage を付けると、コード問題の解答例を隠しテストのケースで"
    "coverage.py（分岐カバレッジ）の下で実行し、どのケースも通らない行と分岐を示します。"
    "\n\n例: drill dev check --coverage",
    (("dev", "check"), "coverage"): "どの隠しケースも通らない解答例の行と分岐も報告します。",
    (("dev", "check"), "jobs"): "同時に採点する問題の数。",
    (("dev", "mutants"), None): "コード問題の解答例を学習者が書く行で変異させ、各変異体を採点して、合格してしまう"
    "もの（生き残り）を示します。生き残りは隠しテストが見逃す誤答です。同じ計算になると確かめたものは理由を添えて"
    " tests/mutants-equivalent.txt に載せます。\n\n例: drill dev mutants relu_layer affine_backward",
    (("dev", "mutants"), "jobs"): "同時に採点する変異体の数。",
}
# options shared by several commands (grader/options.py), under any command
SHARED_JA = {
    "as_json": "機械が読める JSON で出力します。",
    "yes": "確認をしません。",
    "seed": "パラメータつきの問題の数値をこの seed から作ります（既定: 今の数値）。",
    "verbose": "合格したチェックの出力も表示します。",
    "help": "このメッセージを表示して終了します。",
}

# Click's messages (msgids as in click 8.2 to 8.5) -> Japanese
CLICK_JA = {
    "Usage:": "使い方:",
    "Options": "オプション",
    "Commands": "コマンド",
    "Positional arguments": "位置引数",
    "Error: {message}": "エラー: {message}",
    "Try '{command} {option}' for help.": "'{command} {option}' でヘルプを表示できます。",
    "Aborted!": "中断しました。",
    "Missing argument": "引数がありません",
    "Missing option": "オプションがありません",
    "Missing parameter": "引数がありません",
    "Missing {param_type}": "{param_type}がありません",
    "Missing parameter: {param_name}": "引数がありません: {param_name}",
    "Missing command.": "コマンドがありません。",
    "No such command {name!r}.": "コマンド {name!r} はありません。",
    "No such option: {name}": "オプション {name} はありません",
    "No such option {name!r}.": "オプション {name!r} はありません。",
    "Did you mean {possibility}?": "{possibility} のことですか？",
    "(Did you mean one of: {possibilities}?)": "（次のどれかのことですか: {possibilities}）",
    "Invalid value for {param_hint}: {message}": "{param_hint} の値が正しくありません: {message}",
    "Invalid value: {message}": "値が正しくありません: {message}",
    "{value!r} is not {choice}.": "{value!r} は選べません（選べるのは {choice}）。",
    "{value!r} is not one of {choices}.": "{value!r} は選べません（選べるのは {choices}）。",
    "{value!r} is not a valid {number_type}.": "{value!r} は正しい{number_type}ではありません。",
    "{value} is not in the range {range}.": "{value} は範囲 {range} に入っていません。",
    "Option {name!r} requires an argument.": "オプション {name!r} には値が必要です。",
    "Option {name!r} requires {nargs} arguments.": "オプション {name!r} には値が {nargs} 個必要です。",
    "Option {name!r} does not take a value.": "オプション {name!r} は値をとりません。",
    "Got unexpected extra argument ({args})": "余分な引数があります（{args}）",
    "Got unexpected extra arguments ({args})": "余分な引数があります（{args}）",
    "{name} {filename!r} does not exist.": "{name} {filename!r} がありません。",
    "{name} {filename!r} is a file.": "{name} {filename!r} はファイルです。",
    "{name} {filename!r} is a directory.": "{name} {filename!r} はフォルダです。",
    "Show the version and exit.": "バージョンを表示して終了します。",
    "Show this message and exit.": "このメッセージを表示して終了します。",
    "default: {default}": "既定: {default}",
    "integer": "整数",
    "float": "小数",
    "directory": "フォルダ",
    "file": "ファイル",
    "path": "パス",
    "Error: invalid input": "エラー: 入力が正しくありません",
}
_MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "termui", "types", "utils")
_ORIGINAL_HELP: dict[int, str | None] = {}


def _gettext_in(lang: str):
    def gettext(message: str) -> str:
        return Text(CLICK_JA.get(message, message), message).get(lang)

    def ngettext(singular: str, plural: str, n: int) -> str:
        return gettext(singular if n == 1 else plural)

    return gettext, ngettext


def use(group: click.Group, lang: str) -> None:
    """Make Click speak `lang`: its own messages, and the help of every command and option of
    `group` (the English one is what the commands declare)."""
    import importlib

    gettext, ngettext = _gettext_in(lang)
    for name in _MODULES:
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            setattr(module, "_", gettext)  # noqa: B010 - the name Click's modules look up
        if hasattr(module, "ngettext"):
            setattr(module, "ngettext", ngettext)  # noqa: B010
    _localize(group, (), lang)


def _localize(command: click.Command, path: tuple[str, ...], lang: str) -> None:
    command.help = _help_of(command, "help", HELP_JA.get((path, None)), lang)
    # Click builds each command's --help option once and keeps it (click 8.2 to 8.5: `_help_option`),
    # with its help worded when it was built: made again, it is worded in this language
    if getattr(command, "_help_option", None) is not None:
        command._help_option = None
    for param in command.params:
        if isinstance(param, click.Option):
            japanese = HELP_JA.get((path, param.name)) or SHARED_JA.get(param.name or "")
            param.help = _help_of(param, "help", japanese, lang)
    if isinstance(command, click.Group):
        for name, sub in command.commands.items():
            _localize(sub, path + (name,), lang)


def _help_of(owner: object, attribute: str, japanese: str | None, lang: str) -> str | None:
    english = _ORIGINAL_HELP.setdefault(id(owner), getattr(owner, attribute))
    if japanese is None or english is None:
        return english
    return Text(japanese, english).get(lang)
