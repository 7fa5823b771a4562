//go:build windows

package pipeline

import (
	"fmt"
	"unsafe"

	"golang.org/x/sys/windows"
)

// holdMemory puts the worker process pid in a job object that bounds its
// committed memory to limit bytes. Windows gives the parent no resident
// size to watch (residentBytes), so the system enforces the limit: an
// allocation past it fails, the worker's runtime dies saying "out of
// memory", and death reads that as ErrMemory. The job kills the worker
// when release closes it, or when this process ends.
func holdMemory(pid int, limit int64) (release func(), err error) {
	job, err := windows.CreateJobObject(nil, nil)
	if err != nil {
		return nil, fmt.Errorf("pipeline: worker job: %w", err)
	}
	var info windows.JOBOBJECT_EXTENDED_LIMIT_INFORMATION
	info.BasicLimitInformation.LimitFlags = windows.JOB_OBJECT_LIMIT_PROCESS_MEMORY | windows.JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE
	info.ProcessMemoryLimit = uintptr(limit)
	if _, err := windows.SetInformationJobObject(job, windows.JobObjectExtendedLimitInformation,
		uintptr(unsafe.Pointer(&info)), uint32(unsafe.Sizeof(info))); err != nil {
		windows.CloseHandle(job)
		return nil, fmt.Errorf("pipeline: worker job limit: %w", err)
	}
	p, err := windows.OpenProcess(windows.PROCESS_SET_QUOTA|windows.PROCESS_TERMINATE, false, uint32(pid))
	if err != nil {
		windows.CloseHandle(job)
		return nil, fmt.Errorf("pipeline: worker job: %w", err)
	}
	defer windows.CloseHandle(p)
	if err := windows.AssignProcessToJobObject(job, p); err != nil {
		windows.CloseHandle(job)
		return nil, fmt.Errorf("pipeline: worker job: %w", err)
	}
	return func() { windows.CloseHandle(job) }, nil
}
