"""The example library: corpus loading and cleaning, structure-aware chunking, embeddings, Chroma and hybrid search."""
