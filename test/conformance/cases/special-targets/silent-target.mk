# case: .SILENT silences the listed targets
.SILENT: quiet
all: quiet loud
quiet:
	echo quiet
loud:
	echo loud
