"""The Streamlit page's adapter code. The modules directly in this package are pure helpers (labels, highlighted
HTML, form parsing, marks, working copies, stream progress) that import no streamlit, so the page logic is tested
without a browser; drafter.view.page (layout) and drafter.view.editor (the checking editor component) are the
only parts that import streamlit. The core never imports drafter.view.
"""
