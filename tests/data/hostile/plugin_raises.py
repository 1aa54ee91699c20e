"""A local section plugin that misbehaves on purpose: raises."""

from compiler import hookimpl
from compiler.model.sections import SectionType


def build(ctx):
    raise RuntimeError("boom")


@hookimpl
def gongkai_register_sections(register):
    register(SectionType(key="bad", title="插件章节", build=build, after="overview"))
