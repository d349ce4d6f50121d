# case: a slow job's output comes first, as serially, though later jobs end before it
# parallel: -j4
# parallel: -j
all: slow quick quicker
	@echo all done
slow:
	@sleep 0.4; echo slow one
	@echo slow two
quick:
	@echo quick one; sleep 0.1; echo quick two >&2
quicker:
	echo quicker
