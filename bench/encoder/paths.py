"""Where the encoder comparison keeps its files: $ENCODER_WORK (default /tmp/enc), and the repository."""
import os
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
WORK = os.environ.get("ENCODER_WORK", "/tmp/enc")
