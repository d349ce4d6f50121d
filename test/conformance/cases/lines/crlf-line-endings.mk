# case: carriage returns before newlines in the makefile
# sh: printf 'X = a\r\nall:\r\n\t@echo "[$(X)]"\r\n' > crlf.mk
# run: -f crlf.mk
