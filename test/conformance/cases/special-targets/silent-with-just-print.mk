# case: -n prints commands even for .SILENT targets
# run: -n
.SILENT:
all:
	echo one
