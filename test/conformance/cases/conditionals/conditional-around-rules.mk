# case: conditionals select whole rules
# run:
# run: DEBUG=1
ifdef DEBUG
all:
	@echo debug build
else
all:
	@echo release build
endif
