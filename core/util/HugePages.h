#pragma once

#include <cstddef>

namespace tagbench {

/// Asks the kernel to back the whole 2 MiB pages inside [data, data + bytes) with transparent
/// huge pages, for large buffers that are about to be filled once (a dataset's texts): one page
/// fault per 2 MiB instead of 512. A hint only: does nothing where it is not supported.
void adviseHugePages(const void* data, std::size_t bytes);

} // namespace tagbench
