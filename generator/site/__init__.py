"""The report site: pages, charts, tables, disclosure control and the MkDocs plugin."""
