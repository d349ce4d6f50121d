# case: .DELETE_ON_ERROR deletes the target of a failed parallel job
# run: -k
# parallel: -j4
.DELETE_ON_ERROR:
all: good bad
good: ; @sleep 0.2; echo good > $@
bad: ; @echo half > $@; exit 1
