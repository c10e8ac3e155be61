#pragma once

// The C ABI between core and the tagbench_spm module. Only plain C types cross it, so the two
// sides may use different protobuf (and even C++ runtime) versions. Bump the version on any change.

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define TAGBENCH_SPM_ABI_VERSION 1

typedef struct tagbench_spm_model tagbench_spm_model;

/// Receives one piece of an encoded text; bytes are valid only during the call.
typedef void (*tagbench_spm_piece_fn)(const char* bytes, size_t size, void* user);

/// Receives a trained model; bytes are valid only during the call.
typedef void (*tagbench_spm_bytes_fn)(const char* bytes, size_t size, void* user);

/// Returns TAGBENCH_SPM_ABI_VERSION of the build of the module.
int tagbench_spm_abi_version(void);

/// Trains with count spm_train flags given as names (without "--") and values, e.g. "input",
/// "vocab_size", "model_type" (no "model_prefix"), and hands the serialized model to sink.
/// Values may contain spaces; "random_seed" seeds sentencepiece's generator. Returns 0 on success.
int tagbench_spm_train(const char* const* names, const char* const* values, size_t count,
                       tagbench_spm_bytes_fn sink, void* user);

/// Loads a model from its serialized bytes; NULL on failure.
tagbench_spm_model* tagbench_spm_load(const char* bytes, size_t size);

/// Encodes text into pieces, calling sink once per piece. Thread-safe for one model. 0 on success.
int tagbench_spm_encode(const tagbench_spm_model* model, const char* text, size_t size,
                        tagbench_spm_piece_fn sink, void* user);

/// Number of pieces in the model's vocabulary.
int tagbench_spm_vocab_size(const tagbench_spm_model* model);

/// Frees a model from tagbench_spm_load (NULL is fine).
void tagbench_spm_free(tagbench_spm_model* model);

/// Message of the last failure on the calling thread ("" when none).
const char* tagbench_spm_last_error(void);

#ifdef __cplusplus
}
#endif
