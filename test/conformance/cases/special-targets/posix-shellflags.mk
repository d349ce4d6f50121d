# case: .POSIX sets .SHELLFLAGS to -ec
.POSIX:
all:
	@echo '[$(.SHELLFLAGS)]'
