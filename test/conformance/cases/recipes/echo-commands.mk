# case: commands are echoed before they run
all:
	echo hello
	true
