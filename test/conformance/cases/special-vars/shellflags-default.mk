# case: .SHELLFLAGS is -c by default
all:
	@echo '[$(.SHELLFLAGS)]'
