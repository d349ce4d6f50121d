# case: include inside a conditional branch
# run:
# run: USE_EXTRA=1
ifdef USE_EXTRA
include extra.mk
endif
all:
	@echo '[$(EXTRA)]'
--- extra.mk
EXTRA = extra
