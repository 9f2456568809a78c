"""Pure view helpers for the Streamlit page (app.py): labels, highlighted HTML, form parsing, stream progress.

Nothing here imports streamlit, so the page logic is tested without a browser and the core stays UI-free.
"""
