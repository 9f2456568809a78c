"""The Streamlit page's adapter code. The modules directly in this package are pure helpers (labels, highlighted
HTML, form parsing, marks, working copies, passage comments, the sentence view, stream progress) that import no
streamlit, so the page logic is tested without a browser; drafter.view.page (layout), drafter.view.editor (the
checking editor component) and drafter.view.live (the typing-autosave listener) are the only parts that import
streamlit. The core never imports drafter.view.
"""
