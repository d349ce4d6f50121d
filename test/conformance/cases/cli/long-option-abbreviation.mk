# case: long options may be abbreviated
# run: --sil --no-print-dir -C sub
--- sub/Makefile
all:
	echo abbreviated
