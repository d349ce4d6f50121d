# case: long options without single-letter forms in MAKEFLAGS
# run: --no-print-directory --warn-undefined-variables -s
all:
	@echo '[$(MAKEFLAGS)]'
