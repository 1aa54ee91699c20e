"""A local section plugin that misbehaves on purpose: hangs."""

from compiler import hookimpl
from compiler.model.sections import SectionType


def build(ctx):
    while True:
        try:  # noqa: SIM105 - a careless plugin
            pass
        except Exception:
            pass


@hookimpl
def gongkai_register_sections(register):
    register(SectionType(key="bad", title="插件章节", build=build, after="overview"))
