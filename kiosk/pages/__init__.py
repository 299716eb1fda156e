"""From the model to each screen's HTML: the clinic's templates in a sandbox, the soreness chart,
the colours. No Qt.
"""
