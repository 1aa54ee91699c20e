"""A local section plugin that misbehaves on purpose: wrong-derive."""

from compiler import hookimpl
from compiler.model.sections import SectionType


def build(ctx):
    return []


def derive(ctx):
    return [1, 2, 3]


@hookimpl
def gongkai_register_sections(register):
    register(SectionType(key="bad", title="插件章节", build=build, derive=derive, after="overview"))
