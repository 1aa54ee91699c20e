"""The legacy nine-part format (2008 条例 era): 概述 … 附表, one plugin module per part."""
