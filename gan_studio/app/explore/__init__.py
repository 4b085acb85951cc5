"""Explore tab: walk the generator's latent space (Interpolate, Plane, Directions, Breed).

One page per module; `tab.ExploreTab` holds the four.  Each page keeps a few
`Pick`s (from the Gallery via `ModelSource.send_to_explore`, from favourites, or
random) and regenerates on every change after a short debounce.  The maths is in
`gan_studio.core.explore` (latent, directions, breeding); exports go through `gan_studio.app.file_export`.
"""

from .tab import ExploreTab

__all__ = ["ExploreTab"]
