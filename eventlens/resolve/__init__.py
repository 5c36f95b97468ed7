"""When, where and what else: event dates, publication dates, places and event attributes.

- eventlens.resolve.dates: resolve_event_date, infer_publication_date, effective_date_in
- eventlens.resolve.places: gazetteer, Place, places_in, action_geo
- eventlens.resolve.attributes: event_attributes, dispute_issue

Submodules are imported on use: the gazetteer takes a few seconds to build.
"""
