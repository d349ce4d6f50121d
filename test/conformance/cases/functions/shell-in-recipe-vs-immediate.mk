# case: $(shell) in := runs once at read time
COUNT := $(shell echo x >> count.txt; wc -l < count.txt)
all:
	@echo 'count $(COUNT)'
	@echo 'count $(COUNT)'
