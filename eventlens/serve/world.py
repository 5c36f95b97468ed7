"""The world map the dashboard draws: country outlines from the countryinfo package (installed with
eventlens), simplified once per process. No tile server and nothing fetched from the network."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path
from typing import Any


def _rounded_ring(ring: list, digits: int) -> list | None:
    out: list = []
    for lon, lat, *_ in ring:
        point = [round(lon, digits), round(lat, digits)]
        if not out or point != out[-1]:
            out.append(point)
    # A ring that rounding collapsed to a line or a point is an island too small to see at this scale.
    return out if len(out) >= 4 else None


def _simplified(geometry: dict, digits: int) -> dict | None:
    if geometry.get("type") == "Polygon":
        polygons = [geometry["coordinates"]]
    elif geometry.get("type") == "MultiPolygon":
        polygons = geometry["coordinates"]
    else:
        return None
    kept = []
    for polygon in polygons:
        rings = [r for r in (_rounded_ring(ring, digits) for ring in polygon) if r]
        if rings:
            kept.append(rings)
    return {"type": "MultiPolygon", "coordinates": kept} if kept else None


@lru_cache(maxsize=1)
def world_geojson(digits: int = 1) -> dict[str, Any]:
    """A FeatureCollection with one MultiPolygon per country that countryinfo gives a shape for,
    coordinates rounded to `digits` decimals (0.1° is about 11 km: plenty for a world view)."""
    import countryinfo

    package = Path(countryinfo.__file__).parent
    features: dict[str, dict] = {}
    for folder in ("data", "data_no_iso"):
        for path in sorted((package / folder).glob("*.json")):
            try:
                record = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                continue
            collection = record.get("geoJSON") or {}
            for feature in collection.get("features", []):
                geometry = _simplified(feature.get("geometry") or {}, digits)
                code = feature.get("id") or (record.get("ISO") or {}).get("alpha3") or record.get("name")
                if geometry and code not in features:
                    features[code] = {"type": "Feature", "id": code,
                                      "properties": {"name": record.get("name", code)}, "geometry": geometry}
    return {"type": "FeatureCollection", "features": list(features.values())}
