# case: .SILENT without prerequisites is -s: no "Nothing to be done", no touch lines under -t, no rm of intermediate files, no ignored errors
# run:
# run: done
# run: -t done up.txt
# run: up
.SILENT:
all: a.x
	-false
%.x: %.y
	cp $< $@
%.y:
	touch $@
up.txt:
	echo made > $@
.PHONY: done
done:
up: a.y
	echo up
