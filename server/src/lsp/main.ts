// language server entry (being written)
