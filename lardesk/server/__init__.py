"""The live rating round: participants rate the scales on their own phones, on the room's own network.

Plain Python, no Qt (an import-linter contract says so):

- :class:`~lardesk.server.round.PhoneRound` holds the round: its token, the seats and the answers, which are
  written through :class:`lardesk.services.ratings.RatingService` like any other edit;
- :mod:`lardesk.server.app` is a small ASGI app over it, and :mod:`lardesk.server.page` its one page;
- :class:`~lardesk.server.runner.RoundServer` runs that app with uvicorn in its own thread.

The GUI (``lardesk.ui.ratings.phones``) and ``lardesk rate`` both start and stop a round through
:func:`lardesk.server.runner.start_round`. The HTTP contract, and what its security does and does not protect
against, are in the README ("Rating from phones").

Nothing is imported here: uvicorn and segno load only when a round starts (start-up stays light).
"""
