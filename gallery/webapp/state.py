"""The reader's choices shared by every page: the dataset and the role mapping.

Session state is touched only here, so pages read plain values."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

import pandas as pd
import streamlit as st

from gallery.datasets import DATASETS, read_dataset
from gallery.kinds import FAMILIES, KINDS, ORDERED_KINDS
from gallery.uploads import MAX_UPLOAD_MB, DataError, read_csv_bytes

UPLOAD = "upload"
_MARKDOWN = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")
ROLE_NAMES = ("x", "y", "z", "color", "size", "facet", "time")
AUTOMATIC = "(automatic)"


@dataclass(frozen=True)
class DataChoice:
    """The data every card draws: a bundled dataset or the reader's upload."""

    key: str  # a bundled dataset key, or "upload:<sha1>"
    title: str
    frame: pd.DataFrame
    bundled: str | None  # the bundled dataset key, whose default roles apply
    overrides: dict[str, str] = field(default_factory=dict)

    @property
    def roles_key(self) -> tuple[tuple[str, str], ...]:
        return tuple(sorted(self.overrides.items()))


def _parse_upload(data: bytes, name: str, digest: str) -> pd.DataFrame:
    """The session's upload, parsed once: kept beside it in this session only (a shared
    cache would keep every reader's frames, and copy a large one on every rerun)."""
    kept = st.session_state.get("upload_frame")
    if kept is not None and kept[0] == digest:
        return kept[1]
    st.session_state.pop("upload_frame", None)  # the previous upload's frame goes first
    frame = read_csv_bytes(data, name)
    st.session_state["upload_frame"] = (digest, frame)
    return frame


def plain(text: str) -> str:
    """Text from the reader's data, escaped so Streamlit's markdown shows it literally
    (no links, images or HTML from a column name)."""
    return _MARKDOWN.sub(r"\\\1", text)


def _dataset_options() -> dict[str, str]:
    options = {key: dataset.title for key, dataset in DATASETS.items()}
    options[UPLOAD] = "Upload a CSV"
    return options


def _uploaded_choice() -> DataChoice | None:
    upload = st.sidebar.file_uploader(
        "CSV file", type=["csv"], max_upload_size=MAX_UPLOAD_MB,
        help=f"Up to {MAX_UPLOAD_MB} MB. Stays in memory for this session only.",
    )
    if upload is not None:
        st.session_state["upload"] = (upload.name, upload.getvalue())
    stored = st.session_state.get("upload")
    if stored is None:
        st.sidebar.info("Upload a CSV to draw it with every library.")
        return None
    name, data = stored
    digest = hashlib.sha1(data).hexdigest()[:12]
    try:
        frame = _parse_upload(data, name, digest)
    except DataError as error:
        st.sidebar.error(plain(str(error)))
        return None
    for note in frame.attrs.get("notes", []):
        st.sidebar.caption(plain(note))
    return DataChoice(f"upload:{digest}", name, frame, None)


def _role_overrides(frame: pd.DataFrame) -> dict[str, str]:
    columns = [AUTOMATIC, *map(str, frame.columns)]
    overrides = {}
    with st.sidebar.expander("Map columns to roles"):
        st.caption("Leave a role automatic to use the dataset's default or a guess by type.")
        for role in ROLE_NAMES:
            chosen = st.selectbox(role, columns, key=f"role_{role}")
            if chosen != AUTOMATIC:
                overrides[role] = chosen
    return overrides


def data_choice() -> DataChoice:
    """Draw the sidebar's data controls and return what the reader picked.

    An unusable upload falls back to penguins, with the reason shown in the sidebar."""
    options = _dataset_options()
    key = st.sidebar.radio("Dataset", list(options), format_func=options.get, key="dataset")
    choice = None
    if key == UPLOAD:
        choice = _uploaded_choice()
    if choice is None:
        key = key if key in DATASETS else "penguins"
        choice = DataChoice(key, DATASETS[key].title, read_dataset(key), key)
    st.sidebar.caption(f"{plain(choice.title)}: {len(choice.frame):,} rows, "
                       f"{choice.frame.shape[1]} columns")
    overrides = _role_overrides(choice.frame)
    choice = DataChoice(choice.key, choice.title, choice.frame, choice.bundled, overrides)
    st.session_state["data_choice"] = choice
    return choice


def current_data() -> DataChoice:
    """The data app.py chose in this run (pages are run after app.py's sidebar)."""
    return st.session_state.get("data_choice") or data_choice()


def kind_label(key: str) -> str:
    """A kind as the picker lists it: its family first, so the list reads grouped."""
    return f"{FAMILIES[KINDS[key].family]} · {KINDS[key].title}"


def kind_picker(label: str = "Chart kind", key: str = "kind") -> str:
    options = [k.key for k in ORDERED_KINDS]  # family by family
    # the talk's example, the scatter, comes first whatever its family's place
    return st.selectbox(label, options, index=options.index("scatter"), key=key,
                        format_func=kind_label)
