"""`akerbp.mlops.core.exceptions`: the error classes of the akerbp-mlops package (4.1.0), same names
and bases, so `except exceptions.FunctionCallError` in model code keeps working."""


class MissingFieldError(Exception):
    """Raised when fields are missing from mlops_settings.yaml"""


class FieldValueError(Exception):
    """Raised when field values are invalid"""


class MissingMetadataError(Exception):
    """Raised when fields are missing from the metadata (from mlops_settings.yaml)"""


class TooMuchMetadata(Exception):
    """Raised when there is too much metadata (from mlops_settings.yaml)"""


class TestError(Exception):
    """Raised when tests are failing"""

    __test__ = False  # not a pytest test class, whatever a test file imports


class DeploymentError(Exception):
    """Raised when deployment fails"""


class FunctionNameError(Exception):
    """Raised when a function name (in CDF) is invalid"""


class FunctionCallError(Exception):
    """Raised when a function call fails or answers status "error" """


class MissingClientError(Exception):
    """Raised when a CDF client is needed but none was set up (no credentials)"""


class VirtualEnvironmentError(Exception):
    """Raised when creating or deleting a virtual environment fails"""


class MLOpsError(Exception):
    """Generic MLOps exception"""


class MissingDeploymentFolder(Exception):
    """Raised when failing to download a deployment folder"""


class MissingResponseError(Exception):
    """Raised when a function call returns an empty response"""


class MissingModelArtifactsError(Exception):
    """Raised when queried model artifacts are missing"""


class MissingSettingsFileError(Exception):
    """Raised when mlops_settings.yaml is missing"""


class DependencyMismatchError(Exception):
    """Raised when main model and helper model dependencies differ"""
