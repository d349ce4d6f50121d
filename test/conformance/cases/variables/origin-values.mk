# case: $(origin) for the usual kinds of variables
# run: CMD=1
# env: ENVV=1
FILE = 1
override OVR = 1
all:
	@echo $(origin FILE) / $(origin OVR) / $(origin CMD) / $(origin ENVV)
	@echo $(origin CC) / $(origin @) / $(origin NOPE)
