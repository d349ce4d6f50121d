# case: --just-print, --dry-run and --recon are -n
# run: --just-print
# run: --dry-run
# run: --recon
all:
	@echo hi
