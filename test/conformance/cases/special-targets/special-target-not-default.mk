# case: special targets are never the default goal
.PHONY: all
.SILENT:
all:
	echo all
