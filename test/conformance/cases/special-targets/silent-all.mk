# case: .SILENT without prerequisites silences everything
.SILENT:
all:
	echo one
	echo two
