# case: quotes in .SHELLFLAGS and SHELL are taken out, as GNU make rereads its command line
# run: slow1 slow2 slow3
slow1: SHELL := echo
slow1: .SHELLFLAGS := hoho
slow1:; @foo bar
slow2: SHELL := echo hi
slow2: .SHELLFLAGS := ho ho
slow2:; @foo bar
slow3: SHELL := echo hi
slow3: .SHELLFLAGS := 'ho;ho'
slow3:; @foo bar
