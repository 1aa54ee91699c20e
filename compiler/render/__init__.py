"""Renderers: the report's blocks plus the resolved style sheet, made into a medium.

``base`` is the interface every renderer implements (:class:`~compiler.render.base.RenderJob` in,
:class:`~compiler.render.base.Rendered` out); ``style`` and ``textstyle`` are the style sheets all renderers
share (style roles, page geometry, fonts by role); ``pdf/`` is the print renderer (the layout engine in
``pdf/typeset`` and the finishing step in ``pdf/finish``).  Further media (``html/``, ``docx/``) sit beside
``pdf/`` and implement the same interface.
"""
