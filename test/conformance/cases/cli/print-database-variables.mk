# case: -p shows makefile variables with their origin
# sh: for v in MYVAR SIMPLE X OVR; do $MAKE -pq X=cmd | grep -B1 "^$v "; done
MYVAR = value $(X)
SIMPLE := simple
override OVR = o
all:
	@echo all
